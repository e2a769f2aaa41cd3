namespace Ashlar.Errors;

/// <summary>The four classes every Ashlar error falls into, from most to least specific to the caller.</summary>
public enum ErrorClass
{
    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>The input or the request is wrong; the caller can fix it.</summary>
    Invalid,

    /// <summary>Ashlar or the data layer could not do what was asked (a bug or an unsupported feature).</summary>
    Framework,

    /// <summary>Something unexpected, such as an unmapped database error.</summary>
    Unknown,
}
