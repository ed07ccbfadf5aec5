using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing
{
    /// <summary>A rule violation found while reading an enum; the analyzer turns it into a diagnostic, the generator
    /// only uses it to skip what is invalid. Never stored in the pipeline model.</summary>
    internal readonly struct Issue
    {
        public Issue(DiagnosticDescriptor descriptor, Location? location, int config, params object?[] args)
        {
            Descriptor = descriptor;
            Location = location;
            Config = config;
            Args = args;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Location? Location { get; }

        /// <summary>The index of the config the issue invalidates, or -1 when it invalidates the whole enum.</summary>
        public int Config { get; }

        public object?[] Args { get; }
    }
}
