-- one database per service (docker-compose.yml)
create database oi;
create database oc01;
create database oc02;
create database "do";
