using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Runs;

// Reproduces the DCGAN-on-MNIST report: see `train --help` and `compare --help`.
var runner = new SampleRunner(ProgressDisplays.ForConsole(), Console.Out, Console.Error);
return DcganCli.Run(args, runner, Console.Out, Console.Error);
