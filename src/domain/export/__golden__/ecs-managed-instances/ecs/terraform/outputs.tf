output "cluster_name" {
  value = aws_ecs_cluster.main.name
}

output "cluster_arn" {
  value = aws_ecs_cluster.main.arn
}

output "api_service_task_definition_arn" {
  value = aws_ecs_task_definition.api_service.arn
}

output "api_service_load_balancer_dns_name" {
  description = "Point api.example.com here (CNAME or alias record)."
  value       = aws_lb.api_service.dns_name
}
