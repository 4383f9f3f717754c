CREATE TABLE "hotline_callback_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"callback_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"attempted_by" uuid NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"scheduled_by" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hotline_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"caller_type" text NOT NULL,
	"region" text,
	"indicators" text[] NOT NULL,
	"urgency" text NOT NULL,
	"outcome" text NOT NULL,
	"data_key_id" uuid NOT NULL,
	"summary_sealed" "bytea",
	"identifier_consent_at" timestamp with time zone,
	"caller_name_sealed" "bytea",
	"phone_sealed" "bytea",
	"case_id" uuid,
	"case_consent_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"police_agency_id" uuid NOT NULL,
	"caller_consent" boolean NOT NULL,
	"exception" text,
	"handed_by" uuid NOT NULL,
	"handed_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "hotline_callback_attempts" ADD CONSTRAINT "hotline_callback_attempts_callback_id_hotline_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."hotline_callbacks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_callback_attempts" ADD CONSTRAINT "hotline_callback_attempts_attempted_by_users_id_fk" FOREIGN KEY ("attempted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_callbacks" ADD CONSTRAINT "hotline_callbacks_contact_id_hotline_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."hotline_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_callbacks" ADD CONSTRAINT "hotline_callbacks_scheduled_by_users_id_fk" FOREIGN KEY ("scheduled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_contacts" ADD CONSTRAINT "hotline_contacts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_contacts" ADD CONSTRAINT "hotline_contacts_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_contacts" ADD CONSTRAINT "hotline_contacts_data_key_id_data_keys_id_fk" FOREIGN KEY ("data_key_id") REFERENCES "public"."data_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_contacts" ADD CONSTRAINT "hotline_contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_handovers" ADD CONSTRAINT "hotline_handovers_contact_id_hotline_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."hotline_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_handovers" ADD CONSTRAINT "hotline_handovers_police_agency_id_agencies_id_fk" FOREIGN KEY ("police_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_handovers" ADD CONSTRAINT "hotline_handovers_handed_by_users_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_handovers" ADD CONSTRAINT "hotline_handovers_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotline_callback_attempts_callback_idx" ON "hotline_callback_attempts" USING btree ("callback_id");--> statement-breakpoint
CREATE INDEX "hotline_callbacks_contact_idx" ON "hotline_callbacks" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "hotline_callbacks_due_idx" ON "hotline_callbacks" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "hotline_contacts_agency_idx" ON "hotline_contacts" USING btree ("agency_id","received_at");--> statement-breakpoint
CREATE INDEX "hotline_contacts_received_idx" ON "hotline_contacts" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "hotline_handovers_contact_idx" ON "hotline_handovers" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "hotline_handovers_police_idx" ON "hotline_handovers" USING btree ("police_agency_id","handed_at");