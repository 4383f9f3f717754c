CREATE TABLE "shelter_stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shelter_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"admission_type" text NOT NULL,
	"admitted_on" date NOT NULL,
	"admitted_by" uuid NOT NULL,
	"override_reason_sealed" "bytea",
	"override_by" uuid,
	"discharged_on" date,
	"discharge_reason" text,
	"discharged_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shelters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code_name" text NOT NULL,
	"kind" text NOT NULL,
	"secure" boolean NOT NULL,
	"risk_levels" text[] NOT NULL,
	"capacity" integer NOT NULL,
	"address_sealed" "bytea" NOT NULL,
	"contacts_sealed" "bytea",
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_shelter_id_shelters_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_admitted_by_users_id_fk" FOREIGN KEY ("admitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_discharged_by_users_id_fk" FOREIGN KEY ("discharged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelters" ADD CONSTRAINT "shelters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelters" ADD CONSTRAINT "shelters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shelter_stays_shelter_idx" ON "shelter_stays" USING btree ("shelter_id","discharged_on");--> statement-breakpoint
CREATE INDEX "shelter_stays_case_idx" ON "shelter_stays" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shelters_code_name_idx" ON "shelters" USING btree ("code_name");--> statement-breakpoint
CREATE INDEX "shelters_agency_idx" ON "shelters" USING btree ("agency_id");