"""Cross-article linking: decide which local records are the same thing across articles."""
from sayso.link.entities import best_match, block_key, name_key, person_name, same_entity

__all__ = ["best_match", "block_key", "name_key", "person_name", "same_entity"]
