-- The school's name, 学校代码 and 校（院）长 were kept only in the graduation-audit setting's certificate
-- block. A database that set them gets its school record from the newest version, so the certificate
-- code reads the same values from the school record from now on. A database that never set them gets none.
INSERT INTO "school" ("id", "name", "code", "president_name")
SELECT 1, "value"->'certificate'->>'schoolName', "value"->'certificate'->>'schoolCode', coalesce("value"->'certificate'->>'presidentName', '')
FROM "setting_versions"
WHERE "kind" = 'graduation-audit' AND "key" = 'default'
  AND coalesce("value"->'certificate'->>'schoolName', '') <> ''
ORDER BY "valid_from" DESC, "version" DESC
LIMIT 1
ON CONFLICT ("id") DO NOTHING;
