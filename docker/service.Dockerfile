# Any of the services as a container: docker-compose.yml passes SERVICE (the module, e.g. catalog-service) and PORT.
# Build context: the repository root, so the multi-module build runs inside the image (no JDK or Maven on the host).
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN test -n "$SERVICE" && ./mvnw -B -q -pl "$SERVICE" -am package -DskipTests

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG PORT
WORKDIR /app
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/ /app/
# local state a service keeps beside its database (catalog-service: its search index), on a volume owned by the user
RUN mkdir -p /data && chown 185 /data
USER 185
EXPOSE ${PORT}
ENV PORT=${PORT}
ENV JAVA_OPTS="-XX:+UseSerialGC -Xms24m -Xmx192m -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1"
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=5 CMD bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && printf 'GET /q/health/ready HTTP/1.0\r\n\r\n' >&3 && head -1 <&3 | grep -q ' 200'"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
