using System.Collections.Generic;
using System.Linq;
using CbGen.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Tests.Sampling;

/// <summary>An <see cref="IndexSampler"/> passed as TorchSharp's <c>DataLoader</c> shuffler: the batches hold the
/// sampler's indices in order, and each pass over the loader is the sampler's next epoch.</summary>
public class DataLoaderSamplerTests
{
    [Fact]
    public void Each_pass_over_the_loader_is_the_next_epoch()
    {
        int[] labels = SamplerData.Labels(new[] { 60, 15, 5 });
        IndexSampler sampler = IndexSampler.ClassBalanced(new LabelIndex(labels, 3), seed: 8);
        using var data = new RowNumbers(labels.Length);
        using var loader = torch.utils.data.DataLoader(data, batchSize: 16, shuffler: sampler, disposeDataset: false);

        for (int epoch = 0; epoch < 2; epoch++)
        {
            var rows = new List<long>();
            foreach (Dictionary<string, Tensor> batch in loader)
            {
                rows.AddRange(batch["row"].data<long>().ToArray());
            }

            Assert.Equal(sampler.Epoch(epoch).ToArray(), rows);
        }
    }

    /// <summary>A data set whose item i is the number i.</summary>
    private sealed class RowNumbers : torch.utils.data.Dataset
    {
        private readonly long count;

        public RowNumbers(long count) => this.count = count;

        public override long Count => count;

        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["row"] = tensor(index) };
    }
}
