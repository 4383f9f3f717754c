CREATE TABLE "shelter_escorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"to_shelter_id" uuid NOT NULL,
	"from_shelter_id" uuid,
	"escort_user_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "shelter_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shelter_id" uuid NOT NULL,
	"name" text NOT NULL,
	"beds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD COLUMN "criteria_met" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "shelter_escorts" ADD CONSTRAINT "shelter_escorts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_escorts" ADD CONSTRAINT "shelter_escorts_to_shelter_id_shelters_id_fk" FOREIGN KEY ("to_shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_escorts" ADD CONSTRAINT "shelter_escorts_from_shelter_id_shelters_id_fk" FOREIGN KEY ("from_shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_escorts" ADD CONSTRAINT "shelter_escorts_escort_user_id_users_id_fk" FOREIGN KEY ("escort_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_escorts" ADD CONSTRAINT "shelter_escorts_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_rooms" ADD CONSTRAINT "shelter_rooms_shelter_id_shelters_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shelter_escorts_user_idx" ON "shelter_escorts" USING btree ("escort_user_id","on_date");--> statement-breakpoint
CREATE INDEX "shelter_escorts_case_idx" ON "shelter_escorts" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shelter_rooms_name_idx" ON "shelter_rooms" USING btree ("shelter_id","name");--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_room_id_shelter_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."shelter_rooms"("id") ON DELETE no action ON UPDATE no action;