-- docker-compose: Keycloak's own database beside the services' (./suite creates both the same way, scripts/postgres.sh).
CREATE DATABASE keycloak;
