namespace GanKit.Data;

/// <summary>
/// Finds whether a JPEG's bytes reach its end-of-image marker. ImageSharp, like libjpeg, decodes a
/// truncated JPEG without complaint and paints the missing rows gray; a training set should not
/// quietly hold such images, so the decoder asks here first.
/// </summary>
/// <remarks>
/// The walk follows the marker structure from the start (segment lengths, then entropy-coded data
/// up to the next real marker, where <c>FF 00</c> and restart markers do not count), so bytes that
/// some cameras append after the end marker do not matter.
/// </remarks>
internal static class JpegEnd
{
    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;

    public static bool ReachesEnd(ReadOnlySpan<byte> bytes)
    {
        int at = 2;
        while (at + 1 < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return false;
            }

            byte marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                return true;
            }

            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }

            if (at + 3 >= bytes.Length)
            {
                return false;
            }

            int length = (bytes[at + 2] << 8) | bytes[at + 3];
            at += 2 + length;
            if (marker == 0xDA)
            {
                at = SkipEntropyCodedData(bytes, at);
            }
        }

        return false;
    }

    private static int SkipEntropyCodedData(ReadOnlySpan<byte> bytes, int at)
    {
        while (at + 1 < bytes.Length)
        {
            if (bytes[at] == 0xFF && bytes[at + 1] != 0x00 && (bytes[at + 1] < 0xD0 || bytes[at + 1] > 0xD7))
            {
                return at;
            }

            at++;
        }

        return bytes.Length;
    }
}
