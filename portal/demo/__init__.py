"""Demo content: the network as the seed articles describe it, loaded idempotently.

The content is data, in portal/demo/data/ (one TOML file per kind of entry, checked by
portal.demo.reader against portal.demo.schema), in the portal's own words, in English and
Dutch. The facts come from the five seed articles in shared/seeds/. Where the foundation
issue asked for a fact they leave open, it comes from the projects' and partners' own public
pages, and the README ("Decisions worth knowing") lists each such fact with its source; the
data files say so next to the fact. What neither gives is left out; a date the sources give
only roughly is stored with that precision (Event.date_precision, the first day of the
period it names). What the demo adds for illustration is marked as demo content where the
reader sees it: the placeholder documents and the Eye@RIS3 coding of the Saxony-Anhalt
priority. The demo action plans (plans.py) are written for the demo and say so.
"""
