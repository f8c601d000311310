-- One database per service; they share no table.
CREATE ROLE rectification LOGIN PASSWORD 'rectification';
CREATE DATABASE rectification_tasks OWNER rectification;
CREATE DATABASE rectification_feedback OWNER rectification;
CREATE DATABASE rectification_reporting OWNER rectification;
CREATE DATABASE rectification_keycloak OWNER rectification;
