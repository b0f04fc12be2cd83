using Crm.Web.Identity.Sessions;
using Crm.Web.Identity.Users;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Identity;

/// <summary>
/// Sessions, deactivations and workspace security settings, beside the identity tables in the same database. A context
/// of its own because the schema is created with EnsureCreated-style table creation, not migrations: an existing
/// identity database gets these tables on the next start (see IdentityExtensions.EnsureIdentityStoreAsync) without
/// anything being altered in the AspNet* tables.
/// </summary>
public sealed class SecurityDbContext(DbContextOptions<SecurityDbContext> options) : DbContext(options)
{
    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<UserDeactivation> Deactivations => Set<UserDeactivation>();

    public DbSet<WorkspaceSecuritySettings> WorkspaceSettings => Set<WorkspaceSecuritySettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserSession>(session =>
        {
            session.ToTable("CrmUserSessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasMaxLength(64);
            session.Property(s => s.UserId).HasMaxLength(450);
            session.Property(s => s.WorkspaceId).HasMaxLength(64);
            session.Property(s => s.UserAgent).HasMaxLength(UserSession.MaxUserAgentLength);
            session.Property(s => s.IpAddress).HasMaxLength(64);
            session.Property(s => s.EndedBy).HasMaxLength(200);
            session.HasIndex(s => s.UserId);
            session.HasIndex(s => s.WorkspaceId);
        });
        modelBuilder.Entity<UserDeactivation>(deactivation =>
        {
            deactivation.ToTable("CrmUserDeactivations");
            deactivation.HasKey(d => d.UserId);
            deactivation.Property(d => d.UserId).HasMaxLength(450);
            deactivation.Property(d => d.WorkspaceId).HasMaxLength(64);
            deactivation.Property(d => d.By).HasMaxLength(200);
            deactivation.HasIndex(d => d.WorkspaceId);
        });
        modelBuilder.Entity<WorkspaceSecuritySettings>(settings =>
        {
            settings.ToTable("CrmWorkspaceSecurity");
            settings.HasKey(s => s.WorkspaceId);
            settings.Property(s => s.WorkspaceId).HasMaxLength(64);
            settings.Property(s => s.ChangedBy).HasMaxLength(200);
        });
    }
}
