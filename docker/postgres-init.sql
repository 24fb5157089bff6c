-- Runs once, when the PostgreSQL container starts on an empty volume: one database per service.
CREATE DATABASE catalog;
CREATE DATABASE cart;
CREATE DATABASE orders;
CREATE DATABASE inventory;
CREATE DATABASE payments;
CREATE DATABASE customers;
