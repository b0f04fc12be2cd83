using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Identity;

public sealed class CrmIdentityDbContext(DbContextOptions<CrmIdentityDbContext> options) : IdentityDbContext<CrmUser>(options);
