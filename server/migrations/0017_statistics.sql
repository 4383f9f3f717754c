CREATE TABLE "statistics_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"imported_by" uuid NOT NULL,
	"row_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_person_identities" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"identity_key" "bytea" NOT NULL,
	"derived_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_privacy_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"data_year" integer NOT NULL,
	"table_id" text NOT NULL,
	"epsilon" double precision NOT NULL,
	"released_by" uuid NOT NULL,
	"released_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statistics_imports" ADD CONSTRAINT "statistics_imports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_imports" ADD CONSTRAINT "statistics_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_person_identities" ADD CONSTRAINT "statistics_person_identities_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_privacy_ledger" ADD CONSTRAINT "statistics_privacy_ledger_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistics_imports_agency_idx" ON "statistics_imports" USING btree ("agency_id","imported_at");--> statement-breakpoint
CREATE INDEX "statistics_person_identities_key_idx" ON "statistics_person_identities" USING btree ("identity_key");--> statement-breakpoint
CREATE INDEX "statistics_privacy_ledger_year_idx" ON "statistics_privacy_ledger" USING btree ("data_year");