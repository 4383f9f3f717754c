CREATE TABLE "rights_information" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rights" text[] NOT NULL,
	"language" text NOT NULL,
	"with_interpreter" boolean NOT NULL,
	"understood" boolean NOT NULL,
	"informed_at" timestamp with time zone NOT NULL,
	"informed_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rights_information" ADD CONSTRAINT "rights_information_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_information" ADD CONSTRAINT "rights_information_informed_by_users_id_fk" FOREIGN KEY ("informed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_information" ADD CONSTRAINT "rights_information_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rights_information_case_idx" ON "rights_information" USING btree ("case_id","informed_at");