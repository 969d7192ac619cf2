output "cluster_name" {
  value = aws_ecs_cluster.main.name
}

output "cluster_arn" {
  value = aws_ecs_cluster.main.arn
}

output "api_service_task_definition_arn" {
  value = aws_ecs_task_definition.api_service.arn
}

output "alb_1_dns_name" {
  description = "ALB 1: point api.example.com here (CNAME or alias record); other requests get 404."
  value       = aws_lb.alb_1.dns_name
}
