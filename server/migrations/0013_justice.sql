CREATE TABLE "justice_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"defendant_id" uuid NOT NULL,
	"section" text NOT NULL,
	"minor_victim" boolean NOT NULL,
	"charged_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_compensation_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"proceeding_id" uuid,
	"kind" text NOT NULL,
	"claimed_euros" integer NOT NULL,
	"claimed_on" date NOT NULL,
	"decided_euros" integer,
	"decided_on" date,
	"paid_euros" integer,
	"paid_on" date,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_custody_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"defendant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_defendants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"name_sealed" "bytea" NOT NULL,
	"nationality" text,
	"role" text NOT NULL,
	"custody" text NOT NULL,
	"custody_since" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"interpreter_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_proceedings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"data_key_id" uuid NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"police_case_number" text,
	"prosecutor_reference" text,
	"court_reference" text,
	"court" text,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_reassessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"level" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_testimonies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"presence" text NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charge_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"decided_on" date NOT NULL,
	"imprisonment_months" integer,
	"suspended" boolean DEFAULT false NOT NULL,
	"fine_euros" integer,
	"mitigating_grounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"minimum_months" integer,
	"maximum_months" integer,
	"range_check" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_victims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"injured_party" boolean NOT NULL,
	"witness" boolean NOT NULL,
	"measures_requested" text[] DEFAULT '{}'::text[] NOT NULL,
	"measures_granted" text[] DEFAULT '{}'::text[] NOT NULL,
	"informed_by" uuid,
	"informed_at" timestamp with time zone,
	"past_history_in_camera_only" boolean DEFAULT true NOT NULL,
	"witness_protection_unit" boolean DEFAULT false NOT NULL,
	"lawyer_sealed" "bytea",
	"interpreter_id" uuid,
	"linked_by" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "justice_charges" ADD CONSTRAINT "justice_charges_proceeding_id_justice_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."justice_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_charges" ADD CONSTRAINT "justice_charges_defendant_id_justice_defendants_id_fk" FOREIGN KEY ("defendant_id") REFERENCES "public"."justice_defendants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_charges" ADD CONSTRAINT "justice_charges_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_compensation_claims" ADD CONSTRAINT "justice_compensation_claims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_compensation_claims" ADD CONSTRAINT "justice_compensation_claims_proceeding_id_justice_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."justice_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_compensation_claims" ADD CONSTRAINT "justice_compensation_claims_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_custody_events" ADD CONSTRAINT "justice_custody_events_defendant_id_justice_defendants_id_fk" FOREIGN KEY ("defendant_id") REFERENCES "public"."justice_defendants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_custody_events" ADD CONSTRAINT "justice_custody_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_defendants" ADD CONSTRAINT "justice_defendants_proceeding_id_justice_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."justice_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_defendants" ADD CONSTRAINT "justice_defendants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_hearings" ADD CONSTRAINT "justice_hearings_proceeding_id_justice_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."justice_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_hearings" ADD CONSTRAINT "justice_hearings_interpreter_id_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."interpreters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_hearings" ADD CONSTRAINT "justice_hearings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_proceedings" ADD CONSTRAINT "justice_proceedings_data_key_id_data_keys_id_fk" FOREIGN KEY ("data_key_id") REFERENCES "public"."data_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_proceedings" ADD CONSTRAINT "justice_proceedings_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_proceedings" ADD CONSTRAINT "justice_proceedings_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_reassessments" ADD CONSTRAINT "justice_reassessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_reassessments" ADD CONSTRAINT "justice_reassessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_reassessments" ADD CONSTRAINT "justice_reassessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_testimonies" ADD CONSTRAINT "justice_testimonies_victim_id_justice_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."justice_victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_testimonies" ADD CONSTRAINT "justice_testimonies_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_verdicts" ADD CONSTRAINT "justice_verdicts_charge_id_justice_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."justice_charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_verdicts" ADD CONSTRAINT "justice_verdicts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_victims" ADD CONSTRAINT "justice_victims_proceeding_id_justice_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."justice_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_victims" ADD CONSTRAINT "justice_victims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_victims" ADD CONSTRAINT "justice_victims_informed_by_users_id_fk" FOREIGN KEY ("informed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_victims" ADD CONSTRAINT "justice_victims_interpreter_id_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."interpreters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_victims" ADD CONSTRAINT "justice_victims_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "justice_charges_defendant_section_idx" ON "justice_charges" USING btree ("defendant_id","section");--> statement-breakpoint
CREATE INDEX "justice_charges_proceeding_idx" ON "justice_charges" USING btree ("proceeding_id");--> statement-breakpoint
CREATE INDEX "justice_compensation_claims_case_idx" ON "justice_compensation_claims" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "justice_custody_events_defendant_idx" ON "justice_custody_events" USING btree ("defendant_id");--> statement-breakpoint
CREATE INDEX "justice_defendants_proceeding_idx" ON "justice_defendants" USING btree ("proceeding_id");--> statement-breakpoint
CREATE INDEX "justice_hearings_proceeding_idx" ON "justice_hearings" USING btree ("proceeding_id","at");--> statement-breakpoint
CREATE INDEX "justice_proceedings_owner_idx" ON "justice_proceedings" USING btree ("owner_agency_id","opened_at");--> statement-breakpoint
CREATE INDEX "justice_reassessments_case_idx" ON "justice_reassessments" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "justice_testimonies_victim_idx" ON "justice_testimonies" USING btree ("victim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "justice_verdicts_charge_idx" ON "justice_verdicts" USING btree ("charge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "justice_victims_proceeding_case_idx" ON "justice_victims" USING btree ("proceeding_id","case_id");--> statement-breakpoint
CREATE INDEX "justice_victims_case_idx" ON "justice_victims" USING btree ("case_id");