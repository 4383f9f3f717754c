CREATE TABLE "intel_arrests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"nationality" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"premises_id" uuid NOT NULL,
	"ordered_on" date NOT NULL,
	"authority" text NOT NULL,
	"duration_days" integer,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_off_limits_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"published_on" date NOT NULL,
	"premises_ids" uuid[] NOT NULL,
	"entries_sealed" "bytea" NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_operation_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"created" boolean NOT NULL,
	"linked_by" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"conducted_on" date NOT NULL,
	"region" text NOT NULL,
	"premises_id" uuid,
	"units_sealed" "bytea" NOT NULL,
	"inspectors" text[] NOT NULL,
	"people_found" integer NOT NULL,
	"seizures" jsonb NOT NULL,
	"interview" jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_premises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_sealed" "bytea" NOT NULL,
	"kind" text NOT NULL,
	"address_sealed" "bytea" NOT NULL,
	"address_index" "bytea" NOT NULL,
	"municipality" text NOT NULL,
	"region" text NOT NULL,
	"status" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_premises_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"premises_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"effective_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_premises_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"premises_id" uuid NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"name_sealed" "bytea" NOT NULL,
	"name_index" "bytea" NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_reopening_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"premises_id" uuid NOT NULL,
	"closed_premises_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"decision" text DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intel_suspect_operations" (
	"suspect_id" uuid NOT NULL,
	"operation_id" uuid NOT NULL,
	CONSTRAINT "intel_suspect_operations_suspect_id_operation_id_pk" PRIMARY KEY("suspect_id","operation_id")
);
--> statement-breakpoint
CREATE TABLE "intel_suspect_premises" (
	"suspect_id" uuid NOT NULL,
	"premises_id" uuid NOT NULL,
	CONSTRAINT "intel_suspect_premises_suspect_id_premises_id_pk" PRIMARY KEY("suspect_id","premises_id")
);
--> statement-breakpoint
CREATE TABLE "intel_suspects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name_sealed" "bytea" NOT NULL,
	"nationality" text,
	"roles" text[] NOT NULL,
	"proceedings_sealed" "bytea",
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intel_arrests" ADD CONSTRAINT "intel_arrests_operation_id_intel_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."intel_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_closures" ADD CONSTRAINT "intel_closures_premises_id_intel_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."intel_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_closures" ADD CONSTRAINT "intel_closures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_off_limits_versions" ADD CONSTRAINT "intel_off_limits_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_operation_cases" ADD CONSTRAINT "intel_operation_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_operation_cases" ADD CONSTRAINT "intel_operation_cases_operation_id_intel_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."intel_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_operation_cases" ADD CONSTRAINT "intel_operation_cases_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_operations" ADD CONSTRAINT "intel_operations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_operations" ADD CONSTRAINT "intel_operations_premises_id_intel_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."intel_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_operations" ADD CONSTRAINT "intel_operations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_premises" ADD CONSTRAINT "intel_premises_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_premises" ADD CONSTRAINT "intel_premises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_premises_events" ADD CONSTRAINT "intel_premises_events_premises_id_intel_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."intel_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_premises_events" ADD CONSTRAINT "intel_premises_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_premises_parties" ADD CONSTRAINT "intel_premises_parties_premises_id_intel_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."intel_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_premises_parties" ADD CONSTRAINT "intel_premises_parties_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_reopening_flags" ADD CONSTRAINT "intel_reopening_flags_premises_id_intel_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."intel_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_reopening_flags" ADD CONSTRAINT "intel_reopening_flags_closed_premises_id_intel_premises_id_fk" FOREIGN KEY ("closed_premises_id") REFERENCES "public"."intel_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_reopening_flags" ADD CONSTRAINT "intel_reopening_flags_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_suspect_operations" ADD CONSTRAINT "intel_suspect_operations_suspect_id_intel_suspects_id_fk" FOREIGN KEY ("suspect_id") REFERENCES "public"."intel_suspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_suspect_operations" ADD CONSTRAINT "intel_suspect_operations_operation_id_intel_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."intel_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_suspect_premises" ADD CONSTRAINT "intel_suspect_premises_suspect_id_intel_suspects_id_fk" FOREIGN KEY ("suspect_id") REFERENCES "public"."intel_suspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_suspect_premises" ADD CONSTRAINT "intel_suspect_premises_premises_id_intel_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."intel_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_suspects" ADD CONSTRAINT "intel_suspects_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intel_arrests_operation_idx" ON "intel_arrests" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "intel_closures_premises_idx" ON "intel_closures" USING btree ("premises_id");--> statement-breakpoint
CREATE INDEX "intel_operation_cases_operation_idx" ON "intel_operation_cases" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "intel_operations_date_idx" ON "intel_operations" USING btree ("conducted_on");--> statement-breakpoint
CREATE INDEX "intel_operations_premises_idx" ON "intel_operations" USING btree ("premises_id");--> statement-breakpoint
CREATE INDEX "intel_premises_address_idx" ON "intel_premises" USING btree ("address_index");--> statement-breakpoint
CREATE INDEX "intel_premises_status_idx" ON "intel_premises" USING btree ("status");--> statement-breakpoint
CREATE INDEX "intel_premises_events_premises_idx" ON "intel_premises_events" USING btree ("premises_id","recorded_at");--> statement-breakpoint
CREATE INDEX "intel_premises_parties_premises_idx" ON "intel_premises_parties" USING btree ("premises_id");--> statement-breakpoint
CREATE INDEX "intel_premises_parties_name_idx" ON "intel_premises_parties" USING btree ("name_index");--> statement-breakpoint
CREATE INDEX "intel_reopening_flags_premises_idx" ON "intel_reopening_flags" USING btree ("premises_id");--> statement-breakpoint
CREATE INDEX "intel_reopening_flags_decision_idx" ON "intel_reopening_flags" USING btree ("decision");--> statement-breakpoint
CREATE INDEX "intel_suspect_operations_operation_idx" ON "intel_suspect_operations" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "intel_suspect_premises_premises_idx" ON "intel_suspect_premises" USING btree ("premises_id");