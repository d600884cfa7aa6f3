-- A flight's log keeps the commands and control requests sent to its drone beside its events,
-- each with the reply its sender got: the request and the reply as their wire JSON.

ALTER TABLE flight_event ADD COLUMN kind VARCHAR(8) DEFAULT 'EVENT' NOT NULL;
ALTER TABLE flight_event ADD COLUMN request VARCHAR(4000);
ALTER TABLE flight_event ADD COLUMN reply VARCHAR(4000);
