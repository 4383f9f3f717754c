CREATE TABLE "match_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"requesting_agency_id" uuid NOT NULL,
	"holding_agency_id" uuid NOT NULL,
	"score_percent" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_match_keys" (
	"person_id" uuid NOT NULL,
	"key" "bytea" NOT NULL,
	CONSTRAINT "person_match_keys_person_id_key_pk" PRIMARY KEY("person_id","key")
);
--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_requesting_agency_id_agencies_id_fk" FOREIGN KEY ("requesting_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_holding_agency_id_agencies_id_fk" FOREIGN KEY ("holding_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_match_keys" ADD CONSTRAINT "person_match_keys_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_requests_case_agency_idx" ON "match_requests" USING btree ("case_id","requesting_agency_id");--> statement-breakpoint
CREATE INDEX "match_requests_holding_idx" ON "match_requests" USING btree ("holding_agency_id","requested_at");--> statement-breakpoint
CREATE INDEX "person_match_keys_key_idx" ON "person_match_keys" USING btree ("key");