using System;
using System.Collections.Generic;

namespace CbGen.Cli.Input;

// CocoJsonState with --multi-label: an image is one sample, positive for each category annotated on it (once, however
// many boxes), and N is the number of images in "images" (images without annotations are negatives of every class).
internal sealed partial class CocoJsonState
{
    private static ReadOnlySpan<byte> Images => "images"u8;

    private static ReadOnlySpan<byte> ImageId => "image_id"u8;

    private readonly bool multiLabel;

    /// <summary>The (image, category) pairs seen, so that a category counts once per image.</summary>
    private readonly HashSet<(long Image, long Category)> positives = new();

    private readonly HashSet<long> imageIds = new();

    private long? elementImage;

    private bool sawImages;

    private void EndImage(long index)
    {
        if (elementImage is not long id)
        {
            throw Error("images[" + Invariant.Format(index) + "] has no id; with --multi-label each image is a sample and needs an \"id\".");
        }

        if (!imageIds.Add(id))
        {
            throw Error("images[" + Invariant.Format(index) + "] repeats the id " + Invariant.Format(id) + ".");
        }
    }

    /// <summary>Whether this annotation is the first of its category on its image (only then does it count).</summary>
    private bool FirstOnImage(long index, long category)
    {
        if (elementImage is not long image)
        {
            throw Error("annotations[" + Invariant.Format(index) + "] has no image_id; with --multi-label an annotation names its image "
                + "(\"image_id\"), or count annotations without --multi-label.");
        }

        return positives.Add((image, category));
    }

    private CountTable FinishMultiLabel(string description, List<ClassCount> classes, List<string> notes)
    {
        if (!sawImages)
        {
            throw Error("no \"images\" array; with --multi-label the samples are the images, listed in \"images\": [{\"id\": 0, …}] "
                + "(count annotations instead without --multi-label).");
        }

        foreach ((long image, _) in positives)
        {
            if (!imageIds.Contains(image))
            {
                throw Error("an annotation has image_id " + Invariant.Format(image) + ", which no image has as its id.");
            }
        }

        if (imageIds.Count == 0)
        {
            throw Error("the \"images\" array is empty; with --multi-label the images are the samples.");
        }

        description += ", multi-label: " + Invariant.Plural(imageIds.Count, "image", "images");
        return new CountTable(display, SourceKind.Json, description, classes, notes) { Samples = imageIds.Count };
    }
}
