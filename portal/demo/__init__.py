"""Demo content: the network as the seed articles describe it, loaded idempotently."""
