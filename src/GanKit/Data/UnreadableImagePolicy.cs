namespace GanKit.Data;

/// <summary>What <see cref="ImageFolderDataset"/> does with a file it cannot decode.</summary>
public enum UnreadableImagePolicy
{
    /// <summary>Stop with an <see cref="System.IO.InvalidDataException"/> that names the file.</summary>
    Throw,

    /// <summary>
    /// Leave the file out, log a warning and count it in <see cref="ImageFolderDataset.SkippedFiles"/>.
    /// Every file is then decoded once when the folder is opened, so that the set of images is fixed
    /// before the first epoch and a streamed epoch never meets a bad file.
    /// </summary>
    Skip,
}
