CREATE TABLE "statistics_case_facts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"person_key" "bytea" NOT NULL,
	"repeated" boolean DEFAULT false NOT NULL,
	"first" boolean DEFAULT true NOT NULL,
	"identification_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"year" integer NOT NULL,
	"region" text NOT NULL,
	"identifying_agency_id" uuid NOT NULL,
	"age" integer,
	"source" text NOT NULL,
	"exploitation_types" text[] NOT NULL,
	"gender" text NOT NULL,
	"citizenship" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_identified_cells" (
	"year" integer NOT NULL,
	"region" text NOT NULL,
	"identifying_agency_id" uuid NOT NULL,
	"repeated" boolean NOT NULL,
	"first" boolean NOT NULL,
	"age" integer,
	"source" text NOT NULL,
	"exploitation_types" text[] NOT NULL,
	"gender" text NOT NULL,
	"citizenship" text[] NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statistics_case_facts" ADD CONSTRAINT "statistics_case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistics_case_facts_person_key_idx" ON "statistics_case_facts" USING btree ("person_key");--> statement-breakpoint
CREATE INDEX "statistics_case_facts_region_idx" ON "statistics_case_facts" USING btree ("region","year");--> statement-breakpoint
CREATE INDEX "statistics_case_facts_agency_idx" ON "statistics_case_facts" USING btree ("identifying_agency_id","year");--> statement-breakpoint
CREATE INDEX "statistics_case_facts_repeated_idx" ON "statistics_case_facts" USING btree ("case_id") WHERE "statistics_case_facts"."repeated";--> statement-breakpoint
CREATE INDEX "statistics_identified_cells_key_idx" ON "statistics_identified_cells" USING btree ("year","region","identifying_agency_id","gender","source");--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) the facts of these identity keys from the counted cells,
-- cell by cell in one order, so that concurrent writers wait for each other without deadlock.
CREATE FUNCTION "statistics_count_cells"(keys bytea[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	d record;
BEGIN
	FOR d IN
		SELECT f.year, f.region, f.identifying_agency_id, f.repeated, f.first, f.age, f.source,
			f.exploitation_types, f.gender, f.citizenship, count(*)::int AS n
		FROM statistics_case_facts f WHERE f.person_key = ANY (keys)
		GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
		ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
	LOOP
		UPDATE statistics_identified_cells c SET n = c.n + sign * d.n
		WHERE c.year = d.year AND c.region = d.region AND c.identifying_agency_id = d.identifying_agency_id
			AND c.repeated = d.repeated AND c.first = d.first AND c.age IS NOT DISTINCT FROM d.age
			AND c.source = d.source AND c.exploitation_types = d.exploitation_types AND c.gender = d.gender
			AND c.citizenship = d.citizenship;
		IF FOUND THEN
			DELETE FROM statistics_identified_cells c
			WHERE c.n = 0 AND c.year = d.year AND c.region = d.region
				AND c.identifying_agency_id = d.identifying_agency_id AND c.gender = d.gender AND c.source = d.source;
		ELSE
			INSERT INTO statistics_identified_cells (year, region, identifying_agency_id, repeated, first, age,
				source, exploitation_types, gender, citizenship, n)
			VALUES (d.year, d.region, d.identifying_agency_id, d.repeated, d.first, d.age, d.source,
				d.exploitation_types, d.gender, d.citizenship, sign * d.n);
		END IF;
	END LOOP;
END
$$;--> statement-breakpoint
-- The facts of the given cases, read again from cases, persons and identity keys; then the
-- `repeated` mark of every identity key they held before or hold now.
CREATE FUNCTION "statistics_refresh_case_facts"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	keys bytea[];
BEGIN
	SELECT coalesce(array_agg(DISTINCT k), '{}') INTO keys FROM (
		SELECT f.person_key AS k FROM statistics_case_facts f WHERE f.case_id = ANY (ids)
		UNION
		SELECT coalesce(i.identity_key, uuid_send(c.person_id)) FROM cases c
		LEFT JOIN statistics_person_identities i ON i.person_id = c.person_id
		WHERE c.id = ANY (ids)
	) touched;
	PERFORM statistics_count_cells(keys, -1);
	INSERT INTO statistics_case_facts AS f (case_id, person_key, identification_date, created_at, year, region,
		identifying_agency_id, age, source, exploitation_types, gender, citizenship)
	SELECT c.id, coalesce(i.identity_key, uuid_send(c.person_id)), c.identification_date, c.created_at,
		extract(year from c.identification_date)::int, c.identification_region, c.identifying_agency_id,
		c.age_at_identification, c.source, c.exploitation_types, p.gender, p.citizenship
	FROM cases c
	JOIN persons p ON p.id = c.person_id
	LEFT JOIN statistics_person_identities i ON i.person_id = c.person_id
	WHERE c.id = ANY (ids)
	ON CONFLICT (case_id) DO UPDATE SET
		person_key = excluded.person_key, identification_date = excluded.identification_date,
		created_at = excluded.created_at, year = excluded.year, region = excluded.region,
		identifying_agency_id = excluded.identifying_agency_id, age = excluded.age, source = excluded.source,
		exploitation_types = excluded.exploitation_types, gender = excluded.gender,
		citizenship = excluded.citizenship;
	-- A person's first identification: the earliest of the cases holding their key.
	UPDATE statistics_case_facts f SET repeated = s.n > 1, first = s.nth = 1
	FROM (
		SELECT case_id, count(*) OVER (PARTITION BY person_key) AS n,
			row_number() OVER (PARTITION BY person_key ORDER BY identification_date, created_at, case_id) AS nth
		FROM statistics_case_facts WHERE person_key = ANY (keys)
	) s
	WHERE f.case_id = s.case_id AND (f.repeated <> (s.n > 1) OR f.first <> (s.nth = 1));
	PERFORM statistics_count_cells(keys, 1);
END
$$;--> statement-breakpoint
CREATE FUNCTION "statistics_case_facts_of_cases"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM statistics_refresh_case_facts(ARRAY(SELECT changed.id FROM changed));
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "statistics_case_facts_of_case_edits"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM statistics_refresh_case_facts(ARRAY(
		SELECT changed.id FROM changed JOIN before ON before.id = changed.id
		WHERE (changed.person_id, changed.identification_date, changed.created_at, changed.identification_region,
			changed.identifying_agency_id, changed.age_at_identification, changed.source, changed.exploitation_types)
		IS DISTINCT FROM (before.person_id, before.identification_date, before.created_at,
			before.identification_region, before.identifying_agency_id, before.age_at_identification,
			before.source, before.exploitation_types)));
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "statistics_case_facts_of_persons"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM statistics_refresh_case_facts(
		ARRAY(SELECT c.id FROM cases c WHERE c.person_id IN (
			SELECT changed.id FROM changed JOIN before ON before.id = changed.id
			WHERE (changed.gender, changed.citizenship) IS DISTINCT FROM (before.gender, before.citizenship))));
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "statistics_case_facts_of_identities"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM statistics_refresh_case_facts(
		ARRAY(SELECT c.id FROM cases c WHERE c.person_id IN (SELECT changed.person_id FROM changed)));
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "statistics_case_facts_cases_insert" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_facts_of_cases();--> statement-breakpoint
CREATE TRIGGER "statistics_case_facts_cases_update" AFTER UPDATE ON "cases" REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_facts_of_case_edits();--> statement-breakpoint
CREATE TRIGGER "statistics_case_facts_persons_update" AFTER UPDATE ON "persons" REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_facts_of_persons();--> statement-breakpoint
CREATE TRIGGER "statistics_case_facts_identities_insert" AFTER INSERT ON "statistics_person_identities" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_facts_of_identities();--> statement-breakpoint
CREATE TRIGGER "statistics_case_facts_identities_update" AFTER UPDATE ON "statistics_person_identities" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_facts_of_identities();--> statement-breakpoint
CREATE TRIGGER "statistics_case_facts_identities_delete" AFTER DELETE ON "statistics_person_identities" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_facts_of_identities();--> statement-breakpoint
-- The cases already registered.
SELECT statistics_refresh_case_facts(ARRAY(SELECT id FROM cases));
