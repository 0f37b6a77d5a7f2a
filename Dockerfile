# Builds and runs TESSA. Used by docker-compose.yml; the tests never need it.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system tessa
COPY --from=build /src/target/tessa-*.jar /app/tessa.jar
USER tessa
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tessa.jar"]
