using System;
using CbGen.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
