using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Kit.Containers;
using Kit.Serving;

namespace Kit.Cli.Container;

/// <summary>`kit container train|serve|process`: the entry points SageMaker calls (`docker run image train`, `… serve`).</summary>
public static class ContainerCommand
{
    public static Command Create()
    {
        var root = new Option<string?>("--root") { Description = $"The contract's root folder (default: $KIT_OPT_ML, else {OptMl.DefaultRoot})" };
        return new Command("container", "SageMaker's container contract: train, serve and process on an /opt/ml tree.")
        {
            Train(root), Serve(root), Process(root),
        };
    }

    static Command Train(Option<string?> root)
    {
        var command = new Command("train", "Trains from /opt/ml/input into /opt/ml/model, checkpointing each epoch to /opt/ml/checkpoints; on SIGTERM saves and exits 143; on error writes /opt/ml/output/failure and exits 1.") { root };
        command.SetAction(parse =>
        {
            using var stop = new CancellationTokenSource();
            var signalled = new Stopwatch();
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true; // finish the epoch and checkpoint instead of dying now
                signalled.Start();
                Console.Out.WriteLine($"{context.Signal} received: stopping after this epoch");
                stop.Cancel();
            }
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            var outcome = TrainingJob.Run(OptMl.FromEnvironmentOr(parse.GetValue(root)), stop.Token, Console.Out);
            if (outcome.Stopped) Console.Out.WriteLine($"exiting {signalled.Elapsed.TotalSeconds:F2} s after the signal");
            return outcome.ExitCode;
        });
        return command;
    }

    static Command Serve(Option<string?> root)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on (default: $KIT_SERVE_HOST, else 127.0.0.1; a container needs 0.0.0.0)" };
        var port = new Option<int?>("--port") { Description = "Port (default: $SAGEMAKER_BIND_TO_PORT, else 8080; 0 picks a free one)" };
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body in bytes (default 6 MB, SageMaker's real-time limit)", DefaultValueFactory = _ => 6L * 1024 * 1024 };
        var command = new Command("serve", "Serves /opt/ml/model over HTTP: GET /ping, POST /invocations (text/csv or application/json).") { root, host, port, maxBody };
        command.SetAction(async (parse, cancel) =>
        {
            var ml = OptMl.FromEnvironmentOr(parse.GetValue(root));
            var options = new ServeOptions(ml.Model,
                parse.GetValue(host) ?? Environment.GetEnvironmentVariable("KIT_SERVE_HOST") ?? "127.0.0.1",
                parse.GetValue(port) ?? (int.TryParse(Environment.GetEnvironmentVariable("SAGEMAKER_BIND_TO_PORT"), out var p) ? p : 8080),
                parse.GetValue(maxBody));
            InferenceServer server;
            try
            {
                server = await InferenceServer.StartAsync(options, cancel);
            }
            catch (Exception e) when (e is ContractException or IOException or FormatException)
            {
                Console.Error.WriteLine($"kit container serve: {e.Message}");
                return 1;
            }
            await using (server)
            {
                Console.Out.WriteLine($"listening on {server.Address} (model {ml.Model})");
                Console.Out.Flush();
                await server.WaitForShutdownAsync(CancellationToken.None);
            }
            return 0;
        });
        return command;
    }

    static Command Process(Option<string?> root)
    {
        var label = new Option<string>("--label") { Description = "The label column's name", DefaultValueFactory = _ => "label" };
        var fraction = new Option<double>("--validation-fraction") { DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0 };
        var command = new Command("process", "A Processing job: CSV with a header under /opt/ml/processing/input → train/validation channels under /opt/ml/processing/output.") { root, label, fraction, seed };
        command.SetAction(parse =>
        {
            try
            {
                var report = ProcessingJob.Run(OptMl.FromEnvironmentOr(parse.GetValue(root)), parse.GetValue(label)!, parse.GetValue(fraction), parse.GetValue(seed));
                Console.Out.WriteLine($"read {report.RowsRead} rows, dropped {report.RowsDropped}; wrote {report.TrainRows} train and {report.ValidationRows} validation rows");
                return 0;
            }
            catch (Exception e) when (e is ContractException or IOException)
            {
                Console.Error.WriteLine($"kit container process: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
