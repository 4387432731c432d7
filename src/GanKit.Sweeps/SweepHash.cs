using System.Security.Cryptography;
using System.Text;

namespace GanKit.Sweeps;

/// <summary>Short, stable content hashes for run and configuration ids.</summary>
internal static class SweepHash
{
    /// <summary>The first 8 hex digits of SHA-256: collisions within one sweep are negligible and folder names stay short.</summary>
    public static string Short(string text) => Full(text)[..8];

    public static string Full(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
