#!/usr/bin/env bash
# Builds a container base image (a "docker save" tarball) from this machine's JDK and the shared
# libraries it needs, for Jib on a machine that reaches no container registry:
#   deploy/build-local-base-image.sh target/base-image.tar
#   ./mvnw -pl oi-service jib:buildTar -Djib.from.image=tar://$PWD/target/base-image.tar
# Production builds should rather use a maintained base image (default eclipse-temurin:17-jre).
set -euo pipefail
out=${1:-target/base-image.tar}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/tmp" "$root/etc" "$root/app"
chmod 1777 "$root/tmp"

# the JDK, symbolic links resolved (Debian's point into /etc and /usr/share)
mkdir -p "$root/opt/java"
# (dangling links, e.g. src.zip without the sources package, are left out)
(cd "$java_home" && find . \( -type f -o -type l \) -exec test -e {} \; -print0 | tar --null -T - -chf -) | tar -C "$root/opt/java" -xf -
# every shared library the JDK's binaries and libraries load, and the dynamic loader
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=> \// {print $3}' | sort -u | while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
    done
for loader in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
  [[ -e $loader ]] && mkdir -p "$root$(dirname "$loader")" && cp -L "$loader" "$root$loader"
done
cp /etc/nsswitch.conf "$root/etc/" 2>/dev/null || true
printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/app:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\napp:x:1000:\n' > "$root/etc/group"

# one layer, its config, the manifest: the "docker save" layout Jib reads with tar://
(cd "$root" && tar --numeric-owner --owner=0 --group=0 -cf "$work/layer.tar" .)
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["e-intervention/local-jre:17"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
(cd "$work" && tar -cf - manifest.json config.json layer.tar) > "$out"
echo "base image: $out ($(du -h "$out" | cut -f1))"
