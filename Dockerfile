# The Meshery agent image: one image for every in-cluster role (server, operator, discovery, adapters), chosen by
# the Meshery__Agent__Modules__* settings. Self-contained publish on runtime-deps: the image carries one .NET
# runtime (no separate ASP.NET runtime image) and nothing else the agent does not run. The agent project publishes
# ReadyToRun for any runtime identifier, so the image's assemblies are precompiled (faster start and first sync).
#
#   docker build -t meshery/meshery-agent:dev .          (or podman build --format docker ...)
#   docker run -p 127.0.0.1:9081:9081 meshery/meshery-agent:dev
#
# Image names are build arguments so local stand-ins can replace them (scripts/containers/build-agent-image.sh
# does that where no registry is reachable). The fast way skips the build stage: publish on the host
# (`dotnet publish agent/Meshery.Agent.csproj -c Release -r linux-x64 --self-contained -o <dir>/publish`), then
# `podman build --build-context build=<dir> --target final --build-arg RUNTIME_IMAGE=<base> .`
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0

FROM ${SDK_IMAGE} AS build
# No diagnostics sockets or build servers left in the build layers.
ENV DOTNET_EnableDiagnostics=0
WORKDIR /src
# Restore from the project files alone, so a source change reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY extension-points/Meshery.ExtensionPoints.csproj extension-points/
COPY deploy/Meshery.Deploy.csproj deploy/
COPY agent/Meshery.Agent.csproj agent/
COPY agent/adapters/Meshery.Agent.Adapters.csproj agent/adapters/
COPY agent/meshsync/Meshery.Agent.MeshSync.csproj agent/meshsync/
COPY agent/perf/Meshery.Agent.Perf.csproj agent/perf/
COPY agent/grpc-hosting/Meshery.Agent.GrpcHosting.csproj agent/grpc-hosting/
RUN dotnet restore agent/Meshery.Agent.csproj -r linux-x64 --disable-build-servers
COPY extension-points/ extension-points/
COPY deploy/ deploy/
COPY agent/ agent/
RUN dotnet publish agent/Meshery.Agent.csproj -c Release -r linux-x64 --self-contained true --no-restore \
        --disable-build-servers -p:DebugType=none -o /publish

FROM ${RUNTIME_IMAGE} AS final
# 1654 is the official .NET images' non-root "app" user; a plain Debian base gets it here. Its home holds the
# agent's SQLite files (~/.meshery), the one place the agent writes.
RUN (getent passwd 1654 >/dev/null || useradd --uid 1654 --user-group --home-dir /home/app --no-create-home \
        --shell /usr/sbin/nologin app) \
    && mkdir -p /home/app/.meshery && chown -R 1654:1654 /home/app
WORKDIR /app
# Owned by root: the agent cannot change its own binaries.
COPY --from=build /publish/ ./
ENV HOME=/home/app \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Meshery__Agent__Host=* \
    Meshery__Agent__Port=9081 \
    Meshery__Agent__Modules__Broker=true \
    Meshery__Agent__Modules__Discovery=true \
    Meshery__Agent__Modules__Operator=false
USER 1654
EXPOSE 9081
# The agent probes itself (no curl or shell needed); Kubernetes uses the bundle's /healthz and /readyz probes instead.
HEALTHCHECK --interval=30s --timeout=6s --start-period=10s --retries=3 CMD ["/app/meshery-agent", "healthcheck"]
ENTRYPOINT ["/app/meshery-agent"]
