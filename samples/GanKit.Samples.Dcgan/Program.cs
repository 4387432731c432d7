using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Runs;
using GanKit.Samples.Dcgan.Sweeps;

// Reproduces the DCGAN-on-MNIST report: see `train --help` and `compare --help` (both take
// --conditional for the class-conditional presets, which `generate --digit 7` asks for a digit);
// `sweep run --help` ranks many configurations, on one machine or as cluster shards.
var display = ProgressDisplays.ForConsole();
var runner = new SampleRunner(display, Console.Out, Console.Error);
var sweeps = new DcganSweepHost(display, Console.Out, Console.Error);
return DcganCli.Run(args, runner, Console.Out, Console.Error, sweeps);
