namespace Ashlar.Postgres.Tests.DataLayer.Gadgets;

public enum GadgetKind
{
    Widget,
    SprocketWheel,
}
