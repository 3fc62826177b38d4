# The Meshery agent image: one image for every in-cluster role (server, operator, discovery, adapters),
# chosen by the Meshery__Agent__Modules__* settings.
#
#   podman build -t localhost/meshery-agent:dev .
#
# Image names are build arguments so a local stand-in can replace them. The fast way skips the build stage:
# `dotnet publish agent/Meshery.Agent.csproj -c Release -r linux-x64 --self-contained -o <dir>/publish`, then
# `podman build --build-context build=<dir> --target final --build-arg RUNTIME_IMAGE=<base> .`
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY extension-points/ extension-points/
COPY deploy/ deploy/
COPY agent/ agent/
RUN dotnet publish agent/Meshery.Agent.csproj -c Release -r linux-x64 --self-contained true -o /publish

FROM ${RUNTIME_IMAGE} AS final
WORKDIR /app
COPY --from=build /publish/ ./
# 1654 is the official .NET images' non-root "app" user; its home holds the agent's SQLite files (~/.meshery).
RUN mkdir -p /home/app/.meshery && chown -R 1654:1654 /home/app
ENV HOME=/home/app \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Meshery__Agent__Host=* \
    Meshery__Agent__Port=9081
USER 1654
EXPOSE 9081
ENTRYPOINT ["/app/meshery-agent"]
