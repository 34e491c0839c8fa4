-- A milestone's evidence links: each label becomes {kk, ru, en}. A label recorded before in one language keeps it in
-- all three, as milestone titles did (migration 0018); the order of the links is kept, and a label already in the
-- new shape is left as it is.
UPDATE "project_milestones"
SET "evidence" = (
  SELECT coalesce(
    jsonb_agg(
      CASE
        WHEN jsonb_typeof(e -> 'label') = 'string'
          THEN jsonb_set(e, '{label}', jsonb_build_object('kk', e -> 'label', 'ru', e -> 'label', 'en', e -> 'label'))
        ELSE e
      END
      ORDER BY n
    ),
    '[]'::jsonb
  )
  FROM jsonb_array_elements("evidence") WITH ORDINALITY AS link(e, n)
)
WHERE jsonb_typeof("evidence") = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements("evidence") AS old(e) WHERE jsonb_typeof(e -> 'label') = 'string');
