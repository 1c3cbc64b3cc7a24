// Temporary entry until the runner lands: doctor and jupyter install only.
using Kit.Cli.Doctor;
using Kit.Cli.Jupyter;
return args switch
{
    ["doctor"] => DoctorCommand.Run(Console.Out),
    ["jupyter", "install", .. var rest] => JupyterInstaller.Install(new JupyterInstaller.Options(
        KernelsDir: rest.SkipWhile(a => a != "--kernels-dir").Skip(1).FirstOrDefault(),
        ToolPath: rest.SkipWhile(a => a != "--tool-path").Skip(1).FirstOrDefault()), Console.Out),
    _ => 2,
};
