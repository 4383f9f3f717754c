CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "first_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"interviewed_at" timestamp with time zone NOT NULL,
	"interviewed_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"held_in_private" boolean NOT NULL,
	"with_interpreter" boolean NOT NULL,
	"interpreter_language" text,
	"female_officer_present" boolean NOT NULL,
	"statement_willingness" text NOT NULL,
	"circumstances_sealed" "bytea",
	"recruitment_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"recruitment_sealed" "bytea",
	"control_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"control_sealed" "bytea",
	"exploitation_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"exploitation_sealed" "bytea",
	"need_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs_sealed" "bytea",
	"risk_level" text,
	"risks_sealed" "bytea",
	"revision" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_journey_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"date" date,
	"date_approximate" boolean DEFAULT false NOT NULL,
	"country" text,
	"place_sealed" "bytea",
	"note_sealed" "bytea"
);
--> statement-breakpoint
CREATE TABLE "assistance_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"service" text NOT NULL,
	"provider_agency_id" uuid,
	"provider_name_sealed" "bytea",
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text NOT NULL,
	"note_sealed" "bytea",
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgency" text NOT NULL,
	"note_sealed" "bytea",
	"assessed_at" timestamp with time zone NOT NULL,
	"assessed_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflection_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"previous_end_date" date NOT NULL,
	"new_end_date" date NOT NULL,
	"reason_sealed" "bytea" NOT NULL,
	"extended_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"extended_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residence_permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"granted_date" date NOT NULL,
	"valid_until" date NOT NULL,
	"permit_number_sealed" "bytea",
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"objectives_sealed" "bytea" NOT NULL,
	"action_plan_sealed" "bytea",
	"start_date" date NOT NULL,
	"review_date" date NOT NULL,
	"planned_end_date" date,
	"actual_end_date" date,
	"status" text NOT NULL,
	"service_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "best_interests_determinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"determined_on" date NOT NULL,
	"outcome" text NOT NULL,
	"reasoning_sealed" "bytea" NOT NULL,
	"guardian_present" boolean NOT NULL,
	"child_heard" boolean NOT NULL,
	"determined_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_case_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_guardians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name_sealed" "bytea" NOT NULL,
	"contact_sealed" "bytea",
	"appointing_body" text NOT NULL,
	"decision_reference_sealed" "bytea",
	"appointed_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "child_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"location_type" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_parent_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"parent_id" uuid NOT NULL,
	"method" text NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"notified_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_parents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"name_sealed" "bytea" NOT NULL,
	"contact_sealed" "bytea",
	"suspected_trafficker" boolean DEFAULT false NOT NULL,
	"flag_changed_at" timestamp with time zone,
	"flag_changed_by" uuid,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"heard_on" date NOT NULL,
	"in_person" boolean NOT NULL,
	"with_interpreter" boolean NOT NULL,
	"guardian_present" boolean NOT NULL,
	"summary_sealed" "bytea" NOT NULL,
	"heard_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"travel_document_status" text,
	"travel_document_on" text,
	"travel_document_number_sealed" "bytea",
	"escorted" boolean NOT NULL,
	"escort_agency_id" uuid,
	"departure_on" text,
	"destination_country" text NOT NULL,
	"partner_name" text,
	"partner_country" text,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"due_on" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"agency_id" uuid NOT NULL,
	"held_on" text,
	"held_by" uuid,
	"result_agency_id" uuid,
	"outcomes" text[],
	"notes_sealed" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "future_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"option" text NOT NULL,
	"decided_on" text NOT NULL,
	"planned_departure_on" text,
	"note_sealed" "bytea",
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hand_over_signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_key" text NOT NULL,
	"private_key_sealed" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hand_overs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"sections" text[] NOT NULL,
	"consent_given" boolean NOT NULL,
	"language" text NOT NULL,
	"package" "bytea" NOT NULL,
	"pdf_sealed" "bytea" NOT NULL,
	"signing_key_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "re_trafficking_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"earlier_case_id" uuid NOT NULL,
	"later_case_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"assessed_on" text NOT NULL,
	"level" text NOT NULL,
	"factors" text[] NOT NULL,
	"recommendation" text NOT NULL,
	"assessment_sealed" "bytea",
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_interviews" ADD CONSTRAINT "first_interviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_interviews" ADD CONSTRAINT "first_interviews_interviewed_by_users_id_fk" FOREIGN KEY ("interviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_interviews" ADD CONSTRAINT "first_interviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_interviews" ADD CONSTRAINT "first_interviews_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_journey_events" ADD CONSTRAINT "interview_journey_events_interview_id_first_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."first_interviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_services" ADD CONSTRAINT "assistance_services_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_services" ADD CONSTRAINT "assistance_services_provider_agency_id_agencies_id_fk" FOREIGN KEY ("provider_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_services" ADD CONSTRAINT "assistance_services_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_services" ADD CONSTRAINT "assistance_services_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_services" ADD CONSTRAINT "assistance_services_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessments" ADD CONSTRAINT "needs_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessments" ADD CONSTRAINT "needs_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessments" ADD CONSTRAINT "needs_assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_extensions" ADD CONSTRAINT "reflection_extensions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_extensions" ADD CONSTRAINT "reflection_extensions_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_extensions" ADD CONSTRAINT "reflection_extensions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD CONSTRAINT "residence_permits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD CONSTRAINT "residence_permits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD CONSTRAINT "residence_permits_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_determinations" ADD CONSTRAINT "best_interests_determinations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_determinations" ADD CONSTRAINT "best_interests_determinations_determined_by_users_id_fk" FOREIGN KEY ("determined_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_determinations" ADD CONSTRAINT "best_interests_determinations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_case_workers" ADD CONSTRAINT "child_case_workers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_case_workers" ADD CONSTRAINT "child_case_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_case_workers" ADD CONSTRAINT "child_case_workers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_case_workers" ADD CONSTRAINT "child_case_workers_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_guardians" ADD CONSTRAINT "child_guardians_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_guardians" ADD CONSTRAINT "child_guardians_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_guardians" ADD CONSTRAINT "child_guardians_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_locations" ADD CONSTRAINT "child_locations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_locations" ADD CONSTRAINT "child_locations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_locations" ADD CONSTRAINT "child_locations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parent_notifications" ADD CONSTRAINT "child_parent_notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parent_notifications" ADD CONSTRAINT "child_parent_notifications_parent_id_child_parents_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."child_parents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parent_notifications" ADD CONSTRAINT "child_parent_notifications_notified_by_users_id_fk" FOREIGN KEY ("notified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parent_notifications" ADD CONSTRAINT "child_parent_notifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parents" ADD CONSTRAINT "child_parents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parents" ADD CONSTRAINT "child_parents_flag_changed_by_users_id_fk" FOREIGN KEY ("flag_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parents" ADD CONSTRAINT "child_parents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_parents" ADD CONSTRAINT "child_parents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_heard_by_users_id_fk" FOREIGN KEY ("heard_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_returns" ADD CONSTRAINT "case_returns_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_returns" ADD CONSTRAINT "case_returns_escort_agency_id_agencies_id_fk" FOREIGN KEY ("escort_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_returns" ADD CONSTRAINT "case_returns_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_returns" ADD CONSTRAINT "case_returns_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_result_agency_id_agencies_id_fk" FOREIGN KEY ("result_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "future_decisions" ADD CONSTRAINT "future_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "future_decisions" ADD CONSTRAINT "future_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "future_decisions" ADD CONSTRAINT "future_decisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_signing_key_id_hand_over_signing_keys_id_fk" FOREIGN KEY ("signing_key_id") REFERENCES "public"."hand_over_signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_overs" ADD CONSTRAINT "hand_overs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_trafficking_links" ADD CONSTRAINT "re_trafficking_links_earlier_case_id_cases_id_fk" FOREIGN KEY ("earlier_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_trafficking_links" ADD CONSTRAINT "re_trafficking_links_later_case_id_cases_id_fk" FOREIGN KEY ("later_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_trafficking_links" ADD CONSTRAINT "re_trafficking_links_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_trafficking_links" ADD CONSTRAINT "re_trafficking_links_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_unique_idx" ON "alerts" USING btree ("kind","case_id","subject","agency_id","level") WHERE "alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_agency_open_idx" ON "alerts" USING btree ("agency_id","resolved_at","raised_at");--> statement-breakpoint
CREATE INDEX "alerts_case_idx" ON "alerts" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "first_interviews_case_idx" ON "first_interviews" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "interview_journey_events_interview_idx" ON "interview_journey_events" USING btree ("interview_id","position");--> statement-breakpoint
CREATE INDEX "assistance_services_case_idx" ON "assistance_services" USING btree ("case_id","start_date");--> statement-breakpoint
CREATE INDEX "needs_assessments_case_idx" ON "needs_assessments" USING btree ("case_id","assessed_at");--> statement-breakpoint
CREATE INDEX "reflection_extensions_case_idx" ON "reflection_extensions" USING btree ("case_id","new_end_date");--> statement-breakpoint
CREATE INDEX "residence_permits_case_idx" ON "residence_permits" USING btree ("case_id","valid_until");--> statement-breakpoint
CREATE INDEX "support_plans_case_idx" ON "support_plans" USING btree ("case_id","start_date");--> statement-breakpoint
CREATE INDEX "best_interests_determinations_case_idx" ON "best_interests_determinations" USING btree ("case_id","determined_on");--> statement-breakpoint
CREATE INDEX "child_case_workers_case_idx" ON "child_case_workers" USING btree ("case_id","assigned_at");--> statement-breakpoint
CREATE INDEX "child_guardians_case_idx" ON "child_guardians" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "child_locations_case_idx" ON "child_locations" USING btree ("case_id","since");--> statement-breakpoint
CREATE INDEX "child_parent_notifications_parent_idx" ON "child_parent_notifications" USING btree ("parent_id","notified_at");--> statement-breakpoint
CREATE INDEX "child_parents_case_idx" ON "child_parents" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "child_views_case_idx" ON "child_views" USING btree ("case_id","heard_on");--> statement-breakpoint
CREATE INDEX "case_returns_case_idx" ON "case_returns" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "follow_ups_case_idx" ON "follow_ups" USING btree ("case_id","due_at");--> statement-breakpoint
CREATE INDEX "follow_ups_status_due_idx" ON "follow_ups" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "future_decisions_case_idx" ON "future_decisions" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "hand_overs_case_idx" ON "hand_overs" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "re_trafficking_links_pair_idx" ON "re_trafficking_links" USING btree ("earlier_case_id","later_case_id");--> statement-breakpoint
CREATE INDEX "re_trafficking_links_later_idx" ON "re_trafficking_links" USING btree ("later_case_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_case_idx" ON "risk_assessments" USING btree ("case_id","recorded_at");