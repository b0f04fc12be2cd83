using System.Numerics.Tensors;

namespace Crm.Ai.Embeddings;

public static class VectorMath
{
    public static float[] Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm <= 0) return vector;
        var unit = new float[vector.Length];
        TensorPrimitives.Divide(vector, norm, unit);
        return unit;
    }

    /// <summary>Cosine of two unit vectors.</summary>
    public static double Cosine(float[] a, float[] b) => a.Length == b.Length ? TensorPrimitives.Dot(a, b) : 0;
}
