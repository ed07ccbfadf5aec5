namespace CbGen.IntegrationTests;

/// <summary>A small long-tailed label set (imbalance factor 100) with one config per loss.</summary>
[ClassBalanced(Beta = 0.999, Loss = CbLoss.Softmax, Device = CbDevice.Cpu)]
[ClassBalanced(Beta = 0.999, Loss = CbLoss.Sigmoid, Device = CbDevice.Cpu)]
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0, Device = CbDevice.Cpu)]
public enum Weather
{
    /// <summary>The head class.</summary>
    [Samples(5000)] Sunny,

    /// <summary>A middle class.</summary>
    [Samples(1200)] Cloudy,

    /// <summary>A middle class.</summary>
    [Samples(300)] Rain,

    /// <summary>The tail class.</summary>
    [Samples(50)] Snow,
}

/// <summary>An internal enum nested in a type, with a keyword member: the generated types are internal.</summary>
public static class Nested
{
    [ClassBalanced(Beta = 0.99, Name = "TinyLabels")]
    internal enum Tiny { [Samples(20)] @class, [Samples(5)] @default }
}
