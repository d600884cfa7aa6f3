-- Several nodes: which node simulates which drone, one lease a drone, held through Spring
-- Integration's DefaultLockRepository (its own schema-h2.sql and schema-postgresql.sql, which agree).
CREATE TABLE INT_LOCK (
	LOCK_KEY CHAR(36) NOT NULL,
	REGION VARCHAR(100) NOT NULL,
	CLIENT_ID CHAR(36),
	CREATED_DATE TIMESTAMP NOT NULL,
	EXPIRED_AFTER TIMESTAMP NOT NULL,
	CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
