# A second image for `image.directory` (test fixture and the example of docs/service.md, "Your own image"):
# busybox httpd serving a static page, meeting what the task definition asks of any image:
# listen on $PORT, run as 33:33, write nothing (read-only root filesystem), /usr/local/bin/healthcheck,
# 200 on service.healthCheckPath (/healthz here).
FROM public.ecr.aws/docker/library/debian:bookworm-slim

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends busybox \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt /var/log/dpkg.log

COPY www/ /srv/www/
# Executable in git (the legacy builder has no COPY --chmod).
COPY healthcheck /usr/local/bin/healthcheck

# A build argument from image.buildArgs, baked into the page.
ARG GREETING="Hello from busybox"
RUN sed -i "s|GREETING|${GREETING}|" /srv/www/index.html

# Set by the app from service.containerPort; never set it in image.buildArgs.
ARG PORT=8080
ENV PORT=${PORT}
EXPOSE ${PORT}
USER 33:33
HEALTHCHECK --interval=5s --timeout=2s --start-period=5s --retries=3 CMD ["/usr/local/bin/healthcheck"]
# exec: httpd is PID 1 and gets the stop signal.
CMD exec busybox httpd -f -v -p "$PORT" -h /srv/www
