CREATE TABLE "coordination_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"decision_code" text,
	"decision_text_sealed" "bytea",
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coordination_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"minutes_sealed" "bytea",
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "coordination_agenda_items" ADD CONSTRAINT "coordination_agenda_items_meeting_id_coordination_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coordination_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_agenda_items" ADD CONSTRAINT "coordination_agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_agenda_items" ADD CONSTRAINT "coordination_agenda_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_agenda_items" ADD CONSTRAINT "coordination_agenda_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_agenda_items" ADD CONSTRAINT "coordination_agenda_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_group_members" ADD CONSTRAINT "coordination_group_members_group_id_coordination_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."coordination_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_group_members" ADD CONSTRAINT "coordination_group_members_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_group_members" ADD CONSTRAINT "coordination_group_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_groups" ADD CONSTRAINT "coordination_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_group_id_coordination_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."coordination_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_agenda_items_meeting_case_idx" ON "coordination_agenda_items" USING btree ("meeting_id","case_id");--> statement-breakpoint
CREATE INDEX "coordination_agenda_items_case_idx" ON "coordination_agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_group_members_group_agency_idx" ON "coordination_group_members" USING btree ("group_id","agency_id");--> statement-breakpoint
CREATE INDEX "coordination_group_members_agency_idx" ON "coordination_group_members" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "coordination_meetings_group_idx" ON "coordination_meetings" USING btree ("group_id","held_on");