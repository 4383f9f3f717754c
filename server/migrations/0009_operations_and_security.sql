CREATE TABLE "operation_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"region" text NOT NULL,
	"expected_people" integer NOT NULL,
	"expected_minors" integer NOT NULL,
	"languages" text[] NOT NULL,
	"target_sealed" "bytea" NOT NULL,
	"start_time_sealed" "bytea" NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"adults_short" integer DEFAULT 0 NOT NULL,
	"minors_short" integer DEFAULT 0 NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_risk_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"level" text NOT NULL,
	"reason_sealed" "bytea" NOT NULL,
	"set_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interpreter_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"interpreter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"assigned_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interpreters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name_sealed" "bytea" NOT NULL,
	"languages" text[] NOT NULL,
	"availability" text NOT NULL,
	"phone_sealed" "bytea",
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shelter_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shelter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"description_sealed" "bytea" NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shelter_relocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shelter_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"relocated_by" uuid NOT NULL,
	"relocated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operation_cases" ADD CONSTRAINT "operation_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_cases" ADD CONSTRAINT "operation_cases_notice_id_operation_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."operation_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_notices" ADD CONSTRAINT "operation_notices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_notices" ADD CONSTRAINT "operation_notices_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_risk_levels" ADD CONSTRAINT "case_risk_levels_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_risk_levels" ADD CONSTRAINT "case_risk_levels_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_risk_levels" ADD CONSTRAINT "case_risk_levels_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_assignments" ADD CONSTRAINT "interpreter_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_assignments" ADD CONSTRAINT "interpreter_assignments_interpreter_id_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."interpreters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_assignments" ADD CONSTRAINT "interpreter_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_assignments" ADD CONSTRAINT "interpreter_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreters" ADD CONSTRAINT "interpreters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreters" ADD CONSTRAINT "interpreters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_incidents" ADD CONSTRAINT "shelter_incidents_shelter_id_shelters_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_incidents" ADD CONSTRAINT "shelter_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_relocations" ADD CONSTRAINT "shelter_relocations_shelter_id_shelters_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_relocations" ADD CONSTRAINT "shelter_relocations_incident_id_shelter_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."shelter_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_relocations" ADD CONSTRAINT "shelter_relocations_relocated_by_users_id_fk" FOREIGN KEY ("relocated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operation_cases_notice_idx" ON "operation_cases" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "operation_notices_agency_idx" ON "operation_notices" USING btree ("agency_id","planned_on");--> statement-breakpoint
CREATE INDEX "operation_notices_status_idx" ON "operation_notices" USING btree ("status");--> statement-breakpoint
CREATE INDEX "case_risk_levels_case_idx" ON "case_risk_levels" USING btree ("case_id","set_at");--> statement-breakpoint
CREATE INDEX "interpreter_assignments_case_idx" ON "interpreter_assignments" USING btree ("case_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "interpreters_agency_idx" ON "interpreters" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "shelter_incidents_shelter_idx" ON "shelter_incidents" USING btree ("shelter_id","occurred_at");--> statement-breakpoint
CREATE INDEX "shelter_relocations_shelter_idx" ON "shelter_relocations" USING btree ("shelter_id");--> statement-breakpoint
CREATE INDEX "shelter_relocations_incident_idx" ON "shelter_relocations" USING btree ("incident_id");