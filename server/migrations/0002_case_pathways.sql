CREATE TABLE "case_pathways" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"sop_version" text NOT NULL,
	"stage" text NOT NULL,
	"stage_entered_at" timestamp with time zone NOT NULL,
	"moved_by" uuid
);
--> statement-breakpoint
ALTER TABLE "case_pathways" ADD CONSTRAINT "case_pathways_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_pathways" ADD CONSTRAINT "case_pathways_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Cases registered before the pathway was recorded start at identification, marked as such.
INSERT INTO "case_pathways" ("case_id", "sop_version", "stage", "stage_entered_at", "moved_by")
SELECT "id", 'before-sop-versioning', 'identification', "created_at", "created_by" FROM "cases";
