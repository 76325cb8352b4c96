"""Writes of the events app: registration and its places, organising, retention.

Every change to who holds a place goes through events.services.places, under one lock
per event; views, the admin and the tasks call the functions here and nothing else.
"""
