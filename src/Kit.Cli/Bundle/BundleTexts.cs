namespace Kit.Cli.Bundle;

/// <summary>The two texts a bundle carries: the student's one command and the instructor's notes.</summary>
public static class BundleTexts
{
    /// <summary>
    /// The student's one command. The Kit must be built before `kit setup` can run, so the first build restores
    /// from the bundle's feed directly (RestoreSources); `kit setup` then makes that feed the machine's NuGet source.
    /// </summary>
    public const string SetupScript = """
        #!/bin/sh
        # The Kit from an offline bundle: sh <bundle>/setup.sh [folder]   (default folder: ./kit)
        # Unpacks the Kit into the folder, builds it from the bundle's packages, then `kit setup --from <bundle>`
        # copies the packages to ~/.kit/feed (KIT_HOME/feed) and makes them this user's NuGet source. No network needed.
        set -eu
        bundle=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
        target=${1:-kit}
        target=${target%/}
        fail() { echo "setup.sh: $*" >&2; exit 1; }
        command -v dotnet >/dev/null 2>&1 || fail "dotnet is not on PATH: install the .NET 10 SDK first (see $bundle/README.md)"
        [ -f "$bundle/kit-bundle.json" ] || fail "$bundle is not a Kit bundle (no kit-bundle.json); copy the whole bundle folder"
        [ -f "$bundle/kit-source.tar.gz" ] || fail "$bundle/kit-source.tar.gz is missing: the bundle is incomplete, copy it again"
        if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then fail "$target exists and is not empty: name a new folder (or delete what an earlier setup.sh left there)"; fi
        partial="$target.partial.$$"
        rm -rf "$partial"; mkdir -p "$partial"
        tar -xzf "$bundle/kit-source.tar.gz" -C "$partial" || { rm -rf "$partial"; fail "could not unpack $bundle/kit-source.tar.gz: copy the bundle again"; }
        rmdir "$target" 2>/dev/null || true
        mv "$partial" "$target"
        cd "$target"
        echo "setup.sh: the Kit is in $(pwd); building it from the bundle's packages"
        dotnet build src/Kit.Cli --nologo -v:q "--property:RestoreSources=$bundle/feed"
        exec dotnet run --project src/Kit.Cli --no-build -- setup --from "$bundle"
        """;

    public static string InstructorReadme(BundleManifest manifest, int packages) => $"""
        # The Kit — offline classroom bundle

        Written by `kit bundle` on {manifest.Created:yyyy-MM-dd HH:mm} UTC from commit {manifest.KitCommit}, for **{manifest.Platform}**
        (libtorch is per platform: students need the same operating system and architecture).
        Size: {BundleWriter.Size(manifest.TotalBytes)}: {packages} NuGet packages (what `dotnet run --project src/Kit.Cli -- run`
        and the notebooks restore), the pinned {manifest.ToolPackage} {manifest.ToolVersion} notebook tool, and the Kit's
        source (`kit-source.tar.gz`, the checkout's tracked files).

        Not in it: the .NET 10 SDK (install it on every machine first, e.g. from the SDK tar.gz you copy next to this
        folder), and Jupyter (only for the JupyterLab route; `kit run` and VS Code do without).

        ## On each student's machine (no network needed)

        ```bash
        cp -r /media/usb/kit-bundle ~/kit-bundle      # or run it from the stick; the copy makes the rest faster
        sh ~/kit-bundle/setup.sh ~/kit                 # unpacks, builds, and makes ~/.kit/feed the NuGet source
        cd ~/kit
        dotnet run --project src/Kit.Cli -- run notebooks/01-neural-network-basics-and-activations.ipynb
        dotnet run --project src/Kit.Cli -- jupyter install    # for JupyterLab / VS Code's Jupyter kernel
        dotnet run --project src/Kit.Cli -- doctor             # "offline feed ✔" and the rest
        ```

        A student who already has a built checkout of the same commit runs only `dotnet run --project src/Kit.Cli -- setup --from ~/kit-bundle`.
        `setup` checks every file against `kit-bundle.json` (size and SHA-256) and stops, naming the files, if the copy is
        incomplete. It disables nuget.org for this user (offline, an unreachable source fails every restore);
        `dotnet nuget enable source nuget.org` turns it back on.

        """;
}
