using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kit.Notebooks.Tests;

/// <summary>
/// The environments students study in (environment/, .devcontainer/) cannot be built here (no Docker engine), so
/// these tests hold them to what can be checked: every script passes shellcheck, the images and the dev container
/// build with the very scripts CI runs, and the values SageMaker Studio requires (user 1000, group 100, the home
/// folder it mounts, JupyterLab on 8888 under /jupyterlab/default) agree across the Dockerfile, the app image
/// config, the registration script and the JupyterHub values.
/// </summary>
public class EnvironmentTests
{
    static string File_(string relative) => File.ReadAllText(Path.Combine(Repo.Root, relative));
    static string Studio(string name) => File_($"environment/sagemaker-studio/{name}");

    public static IEnumerable<object[]> Scripts() =>
        new[] { "environment", ".ci", ".devcontainer" }
            .Select(d => Path.Combine(Repo.Root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".sh", StringComparison.Ordinal) || File.ReadLines(f).FirstOrDefault()?.StartsWith("#!/usr/bin/env bash", StringComparison.Ordinal) == true)
            .Select(f => new object[] { Path.GetRelativePath(Repo.Root, f) })
            .Order(Comparer<object[]>.Create((a, b) => string.CompareOrdinal((string)a[0], (string)b[0])));

    [SkippableTheory]
    [MemberData(nameof(Scripts))]
    public void Every_script_in_environment_and_ci_passes_shellcheck(string script)
    {
        Skip.IfNot(Repo.Has("shellcheck", "KIT_REQUIRE_SHELLCHECK"), "shellcheck is not installed (environment/install-debian.sh installs it; CI sets KIT_REQUIRE_SHELLCHECK=1)");
        var r = Repo.Run("shellcheck", ["--shell=bash", "--external-sources", script], timeoutSeconds: 120);
        Assert.True(r.ExitCode == 0, r.Output);
    }

    [Fact]
    public void The_scripts_checked_include_the_install_scripts_and_ci()
    {
        var names = Scripts().Select(s => (string)s[0]).ToList();
        Assert.Contains("environment/install-kit.sh", names);
        Assert.Contains("environment/install-debian.sh", names);
        Assert.Contains(".ci/run", names);
        Assert.Contains("environment/sagemaker-studio/register.sh", names);
    }

    [Fact]
    public void Ci_runs_both_install_scripts_the_images_and_the_dev_container_build_with()
    {
        var ci = File_(".ci/run");
        Assert.Contains("environment/install-debian.sh", ci);
        Assert.Contains("environment/install-kit.sh", ci);
        // After the README's commands under the empty HOME, never before them: the first-contact proof stays whole.
        Assert.True(ci.IndexOf("environment/install-kit.sh\n", StringComparison.Ordinal) > ci.IndexOf("bash -c \"$command\"", StringComparison.Ordinal));

        var studio = Studio("Dockerfile");
        Assert.Contains("RUN /tmp/install-debian.sh --container", studio);
        Assert.Contains("RUN /opt/kit/environment/install-kit.sh ", studio);
        Assert.Contains("RUN /tmp/install-debian.sh --container", File_("environment/containers/Dockerfile"));

        var dev = File_(".devcontainer/Dockerfile");
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:10\.\d", dev);
        Assert.Contains("RUN /tmp/install-debian.sh --notebook", dev);
        using var json = JsonDocument.Parse(File_(".devcontainer/devcontainer.json"));
        Assert.Equal("environment/install-kit.sh", json.RootElement.GetProperty("postCreateCommand").GetString());
        Assert.Equal("Dockerfile", json.RootElement.GetProperty("build").GetProperty("dockerfile").GetString());
        Assert.Equal("..", json.RootElement.GetProperty("build").GetProperty("context").GetString());
    }

    [Fact]
    public void Every_file_the_dockerfiles_copy_or_run_from_the_checkout_exists()
    {
        foreach (var dockerfile in new[] { "environment/sagemaker-studio/Dockerfile", "environment/containers/Dockerfile", ".devcontainer/Dockerfile" })
        {
            var text = File_(dockerfile);
            foreach (Match m in Regex.Matches(text, @"(?m)^COPY (?:--chown=\S+ )?(environment/\S+)"))
                Assert.True(File.Exists(Path.Combine(Repo.Root, m.Groups[1].Value)), $"{dockerfile} copies {m.Groups[1].Value}, which does not exist");
            foreach (Match m in Regex.Matches(text, @"/opt/kit/(environment/[\w./-]+\.sh)"))
                Assert.True(File.Exists(Path.Combine(Repo.Root, m.Groups[1].Value)), $"{dockerfile} runs {m.Groups[1].Value}, which does not exist");
        }
    }

    [Fact]
    public void The_studio_image_runs_as_user_1000_group_100_with_jupyterlab_on_8888_under_the_studio_base_url()
    {
        var docker = Studio("Dockerfile");
        Assert.Contains("ARG NB_UID=1000", docker);
        Assert.Contains("ARG NB_GID=100", docker);
        Assert.Matches(@"(?m)^USER \$\{NB_UID\}:\$\{NB_GID\}$", docker);
        Assert.Equal("USER ${NB_UID}:${NB_GID}", Regex.Matches(docker, @"(?m)^USER .*$").Last().Value); // never ends as root
        Assert.Contains("EXPOSE 8888", docker);
        Assert.Contains("WORKDIR /home/sagemaker-user", docker);
        // The kernelspec, the pinned tool and the NuGet cache outside the home folder Studio mounts a volume over.
        Assert.Contains("--kernels-dir /usr/local/share/jupyter/kernels --tool-path /opt/kit-tools", docker);
        Assert.Contains("NUGET_PACKAGES=/opt/kit-nuget", docker);

        var entry = Regex.Match(docker, @"ENTRYPOINT \[""/opt/kit/(.+?)""\]").Groups[1].Value;
        var start = File_(entry);
        Assert.Contains("--ServerApp.ip=0.0.0.0", start);
        Assert.Contains("--ServerApp.port=8888", start);
        Assert.Contains("--ServerApp.base_url=/jupyterlab/default", start);
        Assert.Contains("/opt/kit/environment/kit-workspace.sh", start);
    }

    [Fact]
    public void The_app_image_config_maps_the_same_user_group_and_home_folder_as_the_image()
    {
        using var json = JsonDocument.Parse(Studio("app-image-config.json"));
        var fs = json.RootElement.GetProperty("JupyterLabAppImageConfig").GetProperty("FileSystemConfig");
        Assert.Equal(1000, fs.GetProperty("DefaultUid").GetInt32());
        Assert.Equal(100, fs.GetProperty("DefaultGid").GetInt32());
        Assert.Equal("/home/sagemaker-user", fs.GetProperty("MountPath").GetString());
        Assert.Matches("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", json.RootElement.GetProperty("AppImageConfigName").GetString());
    }

    [Fact]
    public void Register_makes_the_four_studio_calls_in_order_with_the_app_image_config_beside_it()
    {
        var r = Repo.Run("bash", ["environment/sagemaker-studio/register.sh", "--dry-run", "--domain-id", "d-abc123", "--role-arn",
            "arn:aws:iam::123456789012:role/StudioImages", "--region", "eu-west-1", "--image-uri", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/kit-studio:1"]);
        Assert.True(r.ExitCode == 0, r.Output);
        var calls = r.Output.Split('\n').Where(l => l.StartsWith("aws ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["create-image", "create-image-version", "create-app-image-config", "update-domain"], calls.Select(c => c.Split(' ')[2]));
        Assert.Contains("--base-image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/kit-studio:1", calls[1]);
        Assert.Contains($"file://{Path.Combine(Repo.Root, "environment/sagemaker-studio/app-image-config.json")}", calls[2]);
        using var settings = JsonDocument.Parse(calls[3][(calls[3].IndexOf("--default-user-settings ", StringComparison.Ordinal) + 24)..]);
        var image = settings.RootElement.GetProperty("JupyterLabAppSettings").GetProperty("CustomImages")[0];
        Assert.Equal("kit-studio", image.GetProperty("ImageName").GetString());
        Assert.Equal("kit-jupyterlab", image.GetProperty("AppImageConfigName").GetString());

        var missing = Repo.Run("bash", ["environment/sagemaker-studio/register.sh", "--dry-run", "--role-arn", "r", "--region", "r", "--image-uri", "u"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--domain-id is required", missing.Output);
    }

    [Fact]
    public void The_lifecycle_alternative_is_registered_with_the_repository_written_into_the_script_studio_runs()
    {
        var r = Repo.Run("bash", ["environment/sagemaker-studio/register.sh", "--dry-run", "--domain-id", "d-abc123", "--region", "eu-west-1",
            "--lifecycle", "https://git.example.org/course/kit.git"]);
        Assert.True(r.ExitCode == 0, r.Output);
        var create = r.Output.Split('\n').Single(l => l.Contains("create-studio-lifecycle-config", StringComparison.Ordinal));
        Assert.Contains("--studio-lifecycle-config-app-type JupyterLab", create);
        var script = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Match(create, @"--studio-lifecycle-config-content (\S+)").Groups[1].Value));
        Assert.Contains("kit_repository=\"https://git.example.org/course/kit.git\"", script);
        Assert.Contains("kit/environment/install-kit.sh", script);
        Assert.Contains("update-domain --domain-id d-abc123", r.Output);
    }

    [Fact]
    public void The_jupyterhub_values_use_the_studio_image_its_user_and_home_and_a_memory_guarantee_above_one_kernel()
    {
        var values = File_("environment/jupyterhub/values.yaml");
        Assert.Matches(@"(?m)^    name: \S+/kit-studio\b", values); // the image register.sh pushes as kit-studio
        Assert.Contains("image_name=kit-studio", Studio("register.sh"));
        Assert.Matches(@"(?m)^  uid: 1000$", values);
        Assert.Matches(@"(?m)^  fsGid: 100$", values);
        Assert.Matches(@"(?m)^    homeMountPath: /home/sagemaker-user$", values);
        // The README's classroom figure: the Kit's kernel peaks at about 0.6 GB.
        var guarantee = double.Parse(Regex.Match(values, @"(?m)^    guarantee: ([\d.]+)G$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(guarantee, 0.6, 2);
        // JupyterHub passes its command to the image's entry point, which puts the lessons in the home folder first.
        Assert.Matches(@"(?m)^  cmd: jupyterhub-singleuser$", values);
        var start = Studio("start-jupyterlab.sh");
        Assert.True(start.IndexOf("kit-workspace.sh", StringComparison.Ordinal) < start.IndexOf("exec \"$@\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Kit_workspace_copies_the_lessons_once_and_links_the_built_kit()
    {
        var image = Repo.TempDir("image");
        Directory.CreateDirectory(Path.Combine(image, "artifacts", "packages"));
        Directory.CreateDirectory(Path.Combine(image, "data"));
        Directory.CreateDirectory(Path.Combine(image, "notebooks"));
        File.WriteAllText(Path.Combine(image, "notebooks", "01-lesson.ipynb"), "original");
        var workspace = Path.Combine(Repo.TempDir("home"), "kit");
        var env = new Dictionary<string, string> { ["KIT_IMAGE_ROOT"] = image, ["KIT_WORKSPACE"] = workspace };

        var first = Repo.Run("bash", ["environment/kit-workspace.sh"], env: env);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal("original", File.ReadAllText(Path.Combine(workspace, "notebooks", "01-lesson.ipynb")));
        Assert.Equal(Path.Combine(image, "artifacts"), new DirectoryInfo(Path.Combine(workspace, "artifacts")).LinkTarget);

        File.WriteAllText(Path.Combine(workspace, "notebooks", "01-lesson.ipynb"), "the student's edits");
        var second = Repo.Run("bash", ["environment/kit-workspace.sh"], env: env);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal("the student's edits", File.ReadAllText(Path.Combine(workspace, "notebooks", "01-lesson.ipynb")));
        Assert.Equal(Path.Combine(image, "data"), new DirectoryInfo(Path.Combine(workspace, "data")).LinkTarget);
    }

    [Fact]
    public void Install_kit_refuses_an_unknown_option_by_name()
    {
        var r = Repo.Run("bash", ["environment/install-kit.sh", "--frobnicate"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--frobnicate'", r.Output);
    }
}
