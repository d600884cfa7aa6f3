-- A flight's log keeps the missions uploaded for its drone: a request of up to 100 waypoints
-- is longer than the 4000 characters a command needs.

ALTER TABLE flight_event ALTER COLUMN request SET DATA TYPE VARCHAR(32000);
