-- pg_trgm, for the trigram index of any-part name search: in the postgresql-contrib package, and a trusted
-- extension (PostgreSQL 13+), so the database's owner may create it without being a superuser (docs/operations.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- A name's characters and pairs of characters, lower-cased as ILIKE compares: every one of a query's is among
-- a matching name's, so the index of them finds the names of a 1- or 2-character query, which has no trigram.
CREATE OR REPLACE FUNCTION student_name_grams(name text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (SELECT substr(lower(name), i, n) AS g, n FROM generate_series(1, char_length(lower(name))) AS i, (VALUES (1), (2)) AS v(n)) AS s
  WHERE char_length(g) = n
$$;--> statement-breakpoint
CREATE INDEX "students_student_no_lower_prefix" ON "students" USING btree (lower("student_no") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "students_name_trgm" ON "students" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "students_name_grams" ON "students" USING gin (student_name_grams("name"));